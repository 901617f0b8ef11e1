// `rost` command: serve, migrate, user add, seed --demo, import, reminders, backup, restore.
import { parseArgs } from 'node:util';
import { createContext, migrate, openDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirBusyError } from './db/embedded.js';
import { serve } from './main.js';
import { backupTo, restoreFrom } from './modules/backup/index.js';
import { printDemoAccounts, seedDemo } from './modules/demo/index.js';
import { runDeadlineReminders } from './modules/events/index.js';
import { addUserFromCli } from './modules/identity/index.js';
import { importFromCli } from './modules/imports/index.js';
import { AppError } from './platform/errors.js';

const HELP = `Rost — платформа непрерывного профессионального развития педагогов

Использование: rost <команда> [параметры]

  serve                                 запустить веб-сервер (порт PORT, по умолчанию 3000)
  migrate                               применить миграции базы данных
  user add --email E --password P --name "Ф И О" --role ROLE [--scope-type T --scope-id ID]
                                        создать учётную запись (роли: admin, methodologist,
                                        organization_head, community_leader, mentor, teacher, student, guest)
  seed --demo                           загрузить демонстрационные данные
  import people|organizations FILE [--dry-run]
                                        импорт из XLSX или CSV
  reminders                             разослать напоминания о сроках сейчас (сервер делает это
                                        сам каждый час; каждое напоминание приходит один раз)
  backup FILE                           сохранить все данные в файл (сжатый; очередь фоновых
                                        задач pg-boss не сохраняется — задания временные)
  restore FILE                          восстановить данные из файла в пустую базу
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  if (cmd === 'serve') {
    await serve(config);
    return -1; // keeps running
  }
  const opened = await openDatabase(config, 'cli', (m) => console.error(m));
  try {
    await migrate(opened.database);
    const ctx = createContext(config, opened.database);
    switch (cmd) {
      case 'migrate':
        console.log('Миграции применены.');
        return 0;
      case 'user': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            email: { type: 'string' },
            password: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string', multiple: true },
            'scope-type': { type: 'string' },
            'scope-id': { type: 'string' },
          },
        });
        if (positionals[0] !== 'add')
          throw new UsageError('Ожидается: rost user add --email … --password … --name … --role …');
        const id = await addUserFromCli(ctx, {
          email: values.email,
          password: values.password,
          name: values.name,
          roles: values.role ?? [],
          scopeType: values['scope-type'],
          scopeId: values['scope-id'],
        });
        console.log(`Пользователь создан: ${values.email} (id ${id})`);
        return 0;
      }
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
        if (!values.demo) throw new UsageError('Ожидается: rost seed --demo');
        await seedDemo(ctx);
        printDemoAccounts((m) => console.log(m));
        return 0;
      }
      case 'import': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { 'dry-run': { type: 'boolean' } },
        });
        const [kind, file] = positionals;
        if ((kind !== 'people' && kind !== 'organizations') || !file)
          throw new UsageError('Ожидается: rost import people|organizations ФАЙЛ [--dry-run]');
        return (await importFromCli(ctx, kind, file, !!values['dry-run'])) ? 0 : 1;
      }
      case 'reminders': {
        const r = await runDeadlineReminders(ctx, new Date());
        console.log(
          `Напоминания отправлены: о приёме заявок — ${r.callClosing}, о начале мероприятия — ${r.eventTomorrow}, об анкете — ${r.feedback}.`,
        );
        return 0;
      }
      case 'backup': {
        if (!rest[0]) throw new UsageError('Ожидается: rost backup ФАЙЛ');
        await backupTo(ctx, rest[0], (m) => console.log(m));
        return 0;
      }
      case 'restore': {
        if (!rest[0]) throw new UsageError('Ожидается: rost restore ФАЙЛ');
        await restoreFrom(ctx, rest[0], (m) => console.log(m));
        return 0;
      }
      default:
        throw new UsageError(`Неизвестная команда «${cmd}».\n\n${HELP}`);
    }
  } finally {
    await opened.close();
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof DataDirBusyError) {
      console.error(e.message);
      process.exit(2);
    }
    if (e instanceof AppError) {
      console.error(
        `Ошибка: ${e.messageFor('ru')}${e.details ? `\n${JSON.stringify(e.details, null, 2)}` : ''}`,
      );
      process.exit(1);
    }
    console.error(e);
    process.exit(1);
  },
);
