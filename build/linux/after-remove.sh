#!/bin/bash
# Issue 12 #8: the deb's postrm (an electron-builder template, like after-install.sh). $1 is remove, purge,
# upgrade, failed-upgrade, abort-install, abort-upgrade or disappear.
PROFILE='/etc/apparmor.d/${executable}'

# Delete the link to the binary
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/usr/bin/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

# The AppArmor profile goes with the program (an upgrade's postinst writes it again).
if [ "$1" = remove ] || [ "$1" = purge ]; then
    if [ -f "$PROFILE" ]; then
        if command -v apparmor_parser >/dev/null 2>&1 && [ -e /sys/kernel/security/apparmor ]; then
            apparmor_parser --remove "$PROFILE" >/dev/null 2>&1 || true
        fi
        rm -f "$PROFILE"
    fi
fi

# The data folder /var/lib/gas-hall-teller (the hall's store, its backups and logs) and the group gas-hall are
# kept on remove AND on purge: the store holds the hall's payments and audit chain. Delete it by hand only after
# the store has been handed over (see README, "Packaging").
if [ "$1" = purge ] && [ -d /var/lib/gas-hall-teller ]; then
    echo "gas-hall-teller: the data folder /var/lib/gas-hall-teller was kept (store, backups, logs)" >&2
fi
exit 0
