import { loadSettings } from './settings.js';

export function start(): void {
  const settings = loadSettings();
  console.log('starting with', settings);
  // TODO: remove before release
  serve(settings.port);
}

function serve(port: number): void {
  process.stdout.write(`listening on ${port}\n`);
}
