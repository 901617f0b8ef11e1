// Interface strings of the import page (namespace `imports`). Plurals: Russian _one/_few/_many/_other, English _one/_other.
const ru = {
  nav: 'Импорт',
  title: 'Импорт из Excel или CSV',
  subtitle:
    'Загрузите список педагогов или организаций. Сначала проверьте файл без записи: строки с ошибками будут показаны с номером, столбцом и причиной.',
  kind: { people: 'Педагоги', organizations: 'Организации' },
  form: {
    title: 'Новый импорт',
    kind: 'Что импортируем',
    template: 'Шаблон',
    templateHint: {
      people:
        'Обязательны фамилия и имя. Повторная загрузка того же файла ничего не меняет: педагог ищется по e-mail, а без него — по ФИО и организации.',
      organizations:
        'Обязательны краткое наименование и муниципалитет. Организация ищется по краткому наименованию в муниципалитете.',
    },
    templateXlsx: 'Скачать шаблон XLSX',
    templateCsv: 'Шаблон CSV',
    file: 'Файл',
    fileHint: 'Формат XLSX или CSV (UTF-8, разделитель «;» или «,»), первая строка — заголовки столбцов',
    drop: 'Перетащите файл сюда или нажмите, чтобы выбрать',
    wrongType: 'Файл «{{name}}» не подходит: нужен XLSX или CSV',
    chooseFileFirst: 'Сначала выберите файл',
    dryRun: 'Проверить (без записи)',
    import: 'Импортировать',
  },
  status: { queued: 'В очереди', running: 'Выполняется', done: 'Завершён', failed: 'Ошибка' },
  job: {
    title: 'Импорт',
    titleDryRun: 'Проверка',
    none: 'Выберите файл и запустите проверку или импорт — здесь появится ход работы и результат.',
    progress: 'Ход импорта',
    queued: 'Импорт ждёт своей очереди…',
    reading: 'Читаю файл…',
    processedOf_one: 'Обработано {{processed}} из {{count}} строки',
    processedOf_few: 'Обработано {{processed}} из {{count}} строк',
    processedOf_many: 'Обработано {{processed}} из {{count}} строк',
    processedOf_other: 'Обработано {{processed}} из {{count}} строки',
    done: 'Импорт завершён',
    dryRunDone: 'Проверка завершена, в справочник ничего не записано',
    failed: 'Импорт не выполнен',
  },
  summary: {
    total: 'Строк в файле',
    unchanged: 'Без изменений',
    finishedAt: 'Завершён',
    rows_one: '{{count}} строка',
    rows_few: '{{count}} строки',
    rows_many: '{{count}} строк',
    rows_other: '{{count}} строки',
    will: {
      created: 'Будет добавлено',
      updated: 'Будет обновлено',
      skipped: 'Будет пропущено из-за ошибок',
      skippedHint:
        'Исправьте строки из таблицы ниже и проверьте файл ещё раз — или импортируйте: эти строки будут пропущены.',
      allGood: 'Ошибок нет, файл можно импортировать.',
    },
    did: {
      created: 'Добавлено',
      updated: 'Обновлено',
      skipped: 'Пропущено из-за ошибок',
      skippedHint:
        'Строки с ошибками пропущены; исправьте их в файле и загрузите его снова — остальные строки не изменятся.',
      allGood: 'Все строки обработаны.',
    },
  },
  errors: {
    title_one: '{{count}} ошибка в строках файла',
    title_few: '{{count}} ошибки в строках файла',
    title_many: '{{count}} ошибок в строках файла',
    title_other: '{{count}} ошибки в строках файла',
    row: 'Строка',
    column: 'Столбец',
    message: 'Причина',
  },
  history: {
    title: 'Прежние импорты',
    empty: 'Импортов ещё не было',
    when: 'Когда',
    file: 'Файл',
    kind: 'Что',
    mode: 'Режим',
    dryRun: 'проверка',
    real: 'импорт',
    status: 'Состояние',
    result: 'Итог',
    resultLine: 'добавлено: {{created}}, обновлено: {{updated}}, пропущено: {{skipped}}',
    resultLineDryRun: 'будет добавлено: {{created}}, обновлено: {{updated}}, пропущено: {{skipped}}',
    open: 'Открыть',
    openJob: 'Открыть импорт «{{name}}»',
  },
};

type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
type Strip<T> = {
  [K in keyof T as K extends `${string}_${'few' | 'many'}` ? never : K]: T[K] extends string
    ? string
    : Strip<T[K]>;
};

const en: Strip<Dict<typeof ru>> = {
  nav: 'Import',
  title: 'Import from Excel or CSV',
  subtitle:
    'Upload a list of teachers or organisations. Check the file first without saving: rows with errors are listed with their number, column and reason.',
  kind: { people: 'Teachers', organizations: 'Organisations' },
  form: {
    title: 'New import',
    kind: 'What to import',
    template: 'Template',
    templateHint: {
      people:
        'Surname and first name are required. Importing the same file again changes nothing: a teacher is matched by e-mail, or else by full name and organisation.',
      organizations:
        'Short name and municipality are required. An organisation is matched by short name within its municipality.',
    },
    templateXlsx: 'Download XLSX template',
    templateCsv: 'CSV template',
    file: 'File',
    fileHint: 'XLSX or CSV (UTF-8, “;” or “,” separated), the first row holds the column headers',
    drop: 'Drop a file here or click to choose one',
    wrongType: 'File “{{name}}” cannot be imported: XLSX or CSV needed',
    chooseFileFirst: 'Choose a file first',
    dryRun: 'Check (no changes)',
    import: 'Import',
  },
  status: { queued: 'Queued', running: 'Running', done: 'Finished', failed: 'Failed' },
  job: {
    title: 'Import',
    titleDryRun: 'Check',
    none: 'Choose a file and run a check or an import: progress and results appear here.',
    progress: 'Import progress',
    queued: 'The import is waiting in the queue…',
    reading: 'Reading the file…',
    processedOf_one: '{{processed}} of {{count}} row processed',
    processedOf_other: '{{processed}} of {{count}} rows processed',
    done: 'Import finished',
    dryRunDone: 'Check finished, nothing was saved',
    failed: 'Import failed',
  },
  summary: {
    total: 'Rows in the file',
    unchanged: 'Unchanged',
    finishedAt: 'Finished',
    rows_one: '{{count}} row',
    rows_other: '{{count}} rows',
    will: {
      created: 'Would be added',
      updated: 'Would be updated',
      skipped: 'Would be skipped (errors)',
      skippedHint: 'Fix the rows listed below and check again, or import now: those rows will be skipped.',
      allGood: 'No errors: the file can be imported.',
    },
    did: {
      created: 'Added',
      updated: 'Updated',
      skipped: 'Skipped (errors)',
      skippedHint:
        'Rows with errors were skipped; fix them in the file and upload it again. Other rows will not change.',
      allGood: 'Every row was processed.',
    },
  },
  errors: {
    title_one: '{{count}} error in the file’s rows',
    title_other: '{{count}} errors in the file’s rows',
    row: 'Row',
    column: 'Column',
    message: 'Reason',
  },
  history: {
    title: 'Earlier imports',
    empty: 'No imports yet',
    when: 'When',
    file: 'File',
    kind: 'What',
    mode: 'Mode',
    dryRun: 'check',
    real: 'import',
    status: 'Status',
    result: 'Result',
    resultLine: 'added: {{created}}, updated: {{updated}}, skipped: {{skipped}}',
    resultLineDryRun: 'would add: {{created}}, update: {{updated}}, skip: {{skipped}}',
    open: 'Open',
    openJob: 'Open import “{{name}}”',
  },
};

export default { ru, en };
