// «Добавить педагога»: the person form in a dialog; opens the new card when saved.
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../components/notify';
import { type Person, type PersonInput, useCrud } from './directory.api';
import { PersonForm } from './PersonForm';

type Props = { open: boolean; onClose: () => void; organizationId?: string };

export function PersonCreateModal({ open, onClose, organizationId }: Props) {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const { create } = useCrud<Person, PersonInput>('people');
  return (
    <Modal
      open={open}
      title={t('people.addTitle')}
      onCancel={onClose}
      footer={null}
      width={900}
      destroyOnHidden
      maskClosable={false}
    >
      <PersonForm
        organizationId={organizationId}
        onCancel={onClose}
        onSubmit={async (body) => {
          const person = await create.mutateAsync(body);
          notifySuccess(t('people.created', { name: person.fullName }));
          onClose();
          navigate(`/people/${person.id}`);
        }}
      />
    </Modal>
  );
}
