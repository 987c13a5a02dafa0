import type { Config } from '../platform/config.js';
import { startStudio } from '../studio.js';

export async function runStart(config: Config): Promise<void> {
  const studio = await startStudio(config);
  const lines = [``, `  i2v Studio is ready on ${studio.url}`, `  API docs: ${studio.url}/api/docs`];
  if (studio.firstAdmin) {
    lines.push(
      ``,
      `  First admin created. ${studio.firstAdmin.generated ? 'This password is shown only once; change it after signing in:' : 'Password from I2V_ADMIN_PASSWORD.'}`,
      `    email:    ${studio.firstAdmin.email}`,
      ...(studio.firstAdmin.generated ? [`    password: ${studio.firstAdmin.password}`] : []),
    );
  }
  if (studio.seedingDemo) {
    lines.push(
      '',
      '  A demo project with three characters and three scene types is being added (I2V_DEMO=0 skips it).',
    );
  }
  console.log(`${lines.join('\n')}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      studio.stop(signal).then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}
