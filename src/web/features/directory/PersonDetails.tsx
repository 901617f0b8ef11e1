// A person's card: what the directory knows; phone and birth date only when the server sends them.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { labelOf, type Person, useCatalogs } from './directory.api';

export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation('directory');
  const catalogs = useCatalogs();
  const items = [
    {
      key: 'organization',
      label: t('person.organization'),
      children: person.organizationId ? (
        <Link to={`/organizations/${person.organizationId}`}>{person.organizationName}</Link>
      ) : (
        t('common:common.notSet')
      ),
    },
    { key: 'municipality', label: t('person.municipality'), children: person.municipalityName ?? '' },
    { key: 'position', label: t('person.position'), children: person.position ?? t('common:common.notSet') },
    {
      key: 'subjects',
      label: t('person.subjects'),
      children: person.subjects.length ? person.subjects.join(', ') : t('common:common.notSet'),
    },
    {
      key: 'experience',
      label: t('person.experience'),
      children:
        person.experienceYears === null
          ? t('common:common.notSet')
          : `${t('person.years', { count: person.experienceYears })} (${t('person.since', {
              date: formatDate(person.experienceStart),
            })})`,
    },
    {
      key: 'category',
      label: t('person.category'),
      children: `${labelOf(catalogs.data?.qualificationCategories, person.category)}${
        person.category !== 'none' && person.categoryDate
          ? ` ${t('person.categoryFrom', { date: formatDate(person.categoryDate) })}`
          : ''
      }`,
    },
    {
      key: 'status',
      label: t('person.status'),
      children:
        person.status === 'left' ? (
          <Tag>{t('status.left')}</Tag>
        ) : (
          <Tag color="blue">{t('status.active')}</Tag>
        ),
    },
    { key: 'email', label: t('person.email'), children: person.email ?? t('common:common.notSet') },
    ...(person.phone ? [{ key: 'phone', label: t('person.phone'), children: person.phone }] : []),
    ...(person.birthDate
      ? [{ key: 'birthDate', label: t('person.birthDate'), children: formatDate(person.birthDate) }]
      : []),
    ...(person.gender
      ? [{ key: 'gender', label: t('person.gender'), children: t(`gender.${person.gender}`) }]
      : []),
    { key: 'updatedAt', label: t('person.updatedAt'), children: formatDate(person.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
