#!/bin/bash
# Issue 12 #8: the deb's postinst (an electron-builder template: only the executable and sanitizedProductName
# macros in dollar-brace form are replaced; the shell's own variables are written without braces).
APP_DIR='/opt/${sanitizedProductName}'
EXE="$APP_DIR/${executable}"
SANDBOX="$APP_DIR/chrome-sandbox"
PROFILE='/etc/apparmor.d/${executable}'
DATA_DIR=/var/lib/gas-hall-teller
DATA_GROUP=gas-hall

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' "$EXE" 100 || ln -sf "$EXE" '/usr/bin/${executable}'
else
    ln -sf "$EXE" '/usr/bin/${executable}'
fi

# Chromium's sandbox needs unprivileged user namespaces. Ubuntu >= 24.04 (kernel.apparmor_restrict_unprivileged_userns=1)
# allows them only to programs with an AppArmor profile saying `userns`: install one for this executable.
# AppArmor 4 (abi/4.0) is what knows `userns`; older systems need no profile.
if [ -d /etc/apparmor.d ] && [ -f /etc/apparmor.d/abi/4.0 ]; then
    cat > "$PROFILE" <<PROFILE_END
# 燃气营业厅柜台系统 (gas-hall-teller): written by its deb package, removed when the package is removed.
# It confines nothing; it lets the app create the user namespaces Chromium's sandbox uses (Ubuntu >= 24.04).
abi <abi/4.0>,
include <tunables/global>

profile ${executable} "$EXE" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
PROFILE_END
    if command -v apparmor_parser >/dev/null 2>&1 && { [ ! -e /sys/kernel/security/apparmor ] || apparmor_parser --replace --write-cache --skip-read-cache "$PROFILE"; }; then
        chmod 0755 "$SANDBOX" || true
    else
        echo "gas-hall-teller: the AppArmor profile $PROFILE could not be loaded; using the SUID sandbox helper" >&2
        chmod 4755 "$SANDBOX" || true
    fi
elif [[ -L /proc/self/ns/user ]] && unshare --user true 2>/dev/null; then
    chmod 0755 "$SANDBOX" || true
else
    # no user namespaces at all: Chromium's SUID sandbox helper
    chmod 4755 "$SANDBOX" || true
fi

# The per-machine data folder (store, backups, logs): every user of the counter PC in group gas-hall shares it.
# It is never removed with the package (see after-remove.sh).
if ! getent group "$DATA_GROUP" >/dev/null 2>&1; then
    groupadd --system "$DATA_GROUP" 2>/dev/null || addgroup --system "$DATA_GROUP" 2>/dev/null || true
fi
if [ ! -d "$DATA_DIR" ]; then
    install -d -m 2775 "$DATA_DIR"
    chgrp "$DATA_GROUP" "$DATA_DIR" 2>/dev/null || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi
