// Issue 12 #8 (and #7's "the packaged better-sqlite3 is proven to be an Electron build"): electron-builder's afterPack
// hook (electron-builder.yml). Every native addon in the package that is not N-API (better-sqlite3 uses V8's API)
// names the ABI it was built for in its `node_register_module_v<N>` symbol; it must be Electron's, or the app dies
// at its first query with "was compiled against a different Node.js version". A stale build marker
// (build/Release/.forge-meta) can make the rebuild skip and ship the Node build the tests use: this refuses that package.
// With `npmRebuild: false` (the offline packaging test) nothing was rebuilt: it only says what the package holds.
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');

/** The .node files under dir with the ABI they were built for (null for N-API addons, which fit any runtime). */
function nativeAbis(dir) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.node')) continue;
    const file = join(entry.parentPath, entry.name);
    const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
    found.push({ file, abi: match ? Number(match[1]) : null });
  }
  return found;
}

async function afterPack(context) {
  const { packager, appOutDir } = context;
  const electronVersion = packager.config.electronVersion;
  const expected = Number(require('node-abi').getAbi(electronVersion, 'electron'));
  const unpacked = join(packager.getResourcesDir(appOutDir), 'app.asar.unpacked');
  const wrong = nativeAbis(unpacked).filter((n) => n.abi !== null && n.abi !== expected);
  const list = wrong.map((n) => `${relative(unpacked, n.file)}: NODE_MODULE_VERSION ${n.abi}`).join('; ');
  if (wrong.length === 0) {
    console.log(`  • native modules  built for Electron ${electronVersion} (NODE_MODULE_VERSION ${expected})`);
  } else if (packager.config.npmRebuild === false) {
    console.log(`  • native modules  not rebuilt (npmRebuild false), not for a counter PC: ${list}; Electron ${electronVersion} needs ${expected}`);
  } else {
    throw new Error(
      `native modules not built for Electron ${electronVersion} (NODE_MODULE_VERSION ${expected}): ${list}. ` +
        'Remove node_modules/better-sqlite3/build/Release/.forge-meta and package again (the rebuild trusted a stale marker).',
    );
  }
}

module.exports = { default: afterPack, nativeAbis };
