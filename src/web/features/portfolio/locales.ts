// Interface strings of the portfolio (namespace `portfolio`).
const ru = {
  title: 'Портфолио',
  subtitle: 'Участие в мероприятиях: выступления, посещения, работа в оргкомитете',
  role: { presenter: 'Выступающий', listener: 'Слушатель', staff: 'Сопровождение' },
  column: {
    date: 'Дата',
    event: 'Событие',
    role: 'Роль',
    form: 'Форма',
    topic: 'Тема',
    certificate: 'Сертификат',
  },
  unconfirmed: 'зарегистрирован',
  empty: 'Записей пока нет',
  back: '← Карточка педагога',
  total_one: '{{count}} запись',
  total_few: '{{count}} записи',
  total_many: '{{count}} записей',
  total_other: '{{count}} записи',
};
const en: typeof ru = {
  title: 'Portfolio',
  subtitle: 'Participation in events: talks, attendance, organising',
  role: { presenter: 'Presenter', listener: 'Listener', staff: 'Staff' },
  column: {
    date: 'Date',
    event: 'Event',
    role: 'Role',
    form: 'Form',
    topic: 'Topic',
    certificate: 'Certificate',
  },
  unconfirmed: 'registered',
  empty: 'Nothing yet',
  back: '← Person card',
  total_one: '{{count}} item',
  total_few: '{{count}} items',
  total_many: '{{count}} items',
  total_other: '{{count}} items',
};
export default { ru, en };
