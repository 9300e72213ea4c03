export interface Settings {
  readonly port: number;
}

export function loadSettings(): Settings {
  return { port: Number(process.env.PORT ?? 8080) };
}
