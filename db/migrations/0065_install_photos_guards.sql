-- Issue 15 #7 (R-PHOTO-02): the record of an archived photo and of its import is append-only, like the archive
-- itself; a photo's checksum is 64 hex digits and its path lies in its import's year-month folder.
CREATE TRIGGER photo_imports_no_update BEFORE UPDATE ON photo_imports
BEGIN SELECT RAISE(ABORT, 'photo imports are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER photo_imports_no_delete BEFORE DELETE ON photo_imports
BEGIN SELECT RAISE(ABORT, 'photo imports are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER install_photos_no_update BEFORE UPDATE ON install_photos
BEGIN SELECT RAISE(ABORT, 'install photos are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER install_photos_no_delete BEFORE DELETE ON install_photos
BEGIN SELECT RAISE(ABORT, 'install photos are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER install_photos_check BEFORE INSERT ON install_photos
WHEN length(NEW.sha256) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
  OR substr(NEW.path, 1, 8) <> (SELECT year_month || '/' FROM photo_imports WHERE id = NEW.import_id)
BEGIN SELECT RAISE(ABORT, 'install photo: sha256 must be 64 hex digits and the path in its import''s year-month folder'); END;
