// Interface strings of the header's notification bell (namespace `notifications`).
// Plurals: Russian _one/_few/_many, English _one/_other; _zero for none.
const ru = {
  bell: {
    label_zero: 'Уведомления: нет непрочитанных',
    label_one: 'Уведомления: {{count}} непрочитанное',
    label_few: 'Уведомления: {{count}} непрочитанных',
    label_many: 'Уведомления: {{count}} непрочитанных',
    label_other: 'Уведомления: {{count}} непрочитанных',
    title: 'Уведомления',
    empty: 'Уведомлений пока нет.',
    all: 'Все уведомления',
    readAll: 'Отметить все прочитанными',
    unread: 'не прочитано',
    loadError: 'Не удалось загрузить уведомления.',
  },
};

const en: typeof ru = {
  bell: {
    label_zero: 'Notifications: none unread',
    label_one: 'Notifications: {{count}} unread',
    label_few: 'Notifications: {{count}} unread',
    label_many: 'Notifications: {{count}} unread',
    label_other: 'Notifications: {{count}} unread',
    title: 'Notifications',
    empty: 'No notifications yet.',
    all: 'All notifications',
    readAll: 'Mark all read',
    unread: 'unread',
    loadError: 'Could not load notifications.',
  },
};

export default { ru, en };
