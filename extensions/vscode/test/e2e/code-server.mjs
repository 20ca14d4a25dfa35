// Starting and stopping code-server for the end-to-end test. Everything it
// writes (settings, extensions, logs) goes to a fresh temporary directory,
// and it listens on a loopback port only.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs code-server's CLI once (to install an extension) and fails loudly on error. */
export function installExtension(serverDir, dirs, vsix) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(serverDir, 'out/node/entry.js'),
      '--config',
      dirs.config,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsix,
      '--force',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0 || !/was successfully installed/.test(result.stdout + result.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Writes user settings that keep the workbench quiet and predictable. */
export function writeUserSettings(dirs, extra = {}) {
  const user = path.join(dirs.userData, 'User');
  mkdirSync(user, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'editor.fontSize': 15,
    'editor.hover.delay': 300,
    'markdown.validate.enabled': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    ...extra,
  };
  writeFileSync(path.join(user, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Starts code-server on a loopback port; resolves once it answers HTTP. Workspace Trust is disabled unless asked for; `args` are passed on (`--locale zh-cn`). */
export async function startServer(serverDir, dirs, port, logFile, { workspaceTrust = false, args = [] } = {}) {
  const { createWriteStream } = await import('node:fs');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      path.join(serverDir, 'out/node/entry.js'),
      '--config',
      dirs.config,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      // Trust is off for the writer's session and on for the Restricted Mode one.
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--disable-proxy',
      // FACTCITE_E2E_TRACE=1 keeps code-server's trace logs (file watcher included) for debugging a step.
      ...(process.env.FACTCITE_E2E_TRACE ? ['--log', 'trace'] : []),
      ...args,
    ],
    // Its own process group, so that stopping it also stops the extension host and file watcher it forks.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  killGroup(child, 'SIGKILL');
  throw new Error(`code-server did not answer on 127.0.0.1:${port} within 60 s; see ${logFile}`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Stops a server started by startServer, with the processes it forked, and waits for it to exit. */
export async function stopServer(child) {
  if (!child) return;
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  // Forked helpers (extension host, file watcher) may outlive the server by a moment.
  await new Promise((r) => setTimeout(r, 500));
  killGroup(child, 'SIGKILL');
}
