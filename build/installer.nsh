; Issue 12 #8: additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; The installer is per machine (perMachine: true, elevated). The data folder (store, backups, logs) is per machine
; too: %ProgramData%\GasHallTeller, shared by every Windows user of the counter PC, and never deleted on uninstall.

!macro gasHallDataDir VAR
  ReadEnvStr ${VAR} PROGRAMDATA
  StrCmp ${VAR} "" 0 +2
    StrCpy ${VAR} "C:\ProgramData"
  StrCpy ${VAR} "${VAR}\GasHallTeller"
!macroend

!macro customInstall
  !insertmacro gasHallDataDir $0
  CreateDirectory "$0"
  ; ProgramData lets a user change only the files they created; the store, its backups and logs are written by
  ; whichever clerk is signed in to Windows, so BUILTIN\Users (SID S-1-5-32-545, the same on a Chinese Windows)
  ; may modify everything in the data folder.
  nsExec::ExecToLog 'icacls "$0" /grant *S-1-5-32-545:(OI)(CI)M /T /C /Q'
  Pop $1
  DetailPrint "数据文件夹：$0"
!macroend

!macro customUnInstall
  ; Nothing of the data folder is deleted (not on uninstall, not on an upgrade's uninstall step).
  !insertmacro gasHallDataDir $0
  DetailPrint "数据文件夹已保留：$0"
!macroend
