export interface Settings {
  readonly port: number;
  readonly awsAccessKeyId: string;
  readonly databaseUrl: string;
}

export function loadSettings(): Settings {
  return {
    port: Number(process.env.PORT ?? 8080),
    // Planted by the demo: a credential pasted into code.
    awsAccessKeyId: '{{AWS_KEY}}',
    databaseUrl: process.env.DATABASE_URL ?? '',
  };
}
