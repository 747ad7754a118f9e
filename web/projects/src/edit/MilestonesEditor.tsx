/**
 * 编辑节点任务: the project's milestones as rows (name, start, due, progress, weight, met), added and
 * removed in place and saved together. The rule of packages/domain checks them before they are sent,
 * and the server's refusals land under the same cells.
 */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { validateMilestones } from '@kpd/domain';
import { DateInput, useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import { pictureMessages } from '../pictures/messages';

const SAVE_MILESTONES = graphql(`
  mutation SaveMilestones($projectId: ID!, $milestones: [ProjectMilestoneInput!]!) {
    saveMilestones(projectId: $projectId, milestones: $milestones) {
      id
      milestones {
        id
        name
        startDate
        dueDate
        metDate
        progress
        weight
      }
    }
  }
`);

export interface MilestoneRowValue {
  name: string;
  startDate: string | null;
  dueDate: string | null;
  metDate: string | null;
  progress: number | null;
  weight: number | null;
}

/** The problems of the domain rule as the error the form shows (each under its cell). */
export function asInputError(problems: Array<{ field: string; reason: string }>) {
  return {
    graphQLErrors: [{ message: problems[0].reason, extensions: { code: 'BAD_USER_INPUT', problems } }],
  };
}

export function EditMilestonesButton({
  projectId,
  milestones,
  onSaved,
}: {
  projectId: string;
  milestones: MilestoneRowValue[];
  onSaved: () => void;
}) {
  const t = useMessages(pictureMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="edit-milestones">
        {t('editMilestones')}
      </Button>
      {open && (
        <MilestonesEditor
          projectId={projectId}
          milestones={milestones}
          onClose={(saved) => {
            setOpen(false);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function MilestonesEditor({
  projectId,
  milestones,
  onClose,
}: {
  projectId: string;
  milestones: MilestoneRowValue[];
  onClose: (saved: boolean) => void;
}) {
  const t = useMessages(pictureMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ milestones: MilestoneRowValue[] }>();
  const errors = useFormErrors(form, { milestones: t('milestones') });
  const [{ fetching }, save] = useMutation(SAVE_MILESTONES);

  const submit = async () => {
    errors.clear();
    const rows = ((form.getFieldValue('milestones') as MilestoneRowValue[] | undefined) ?? []).map((m) => ({
      name: (m.name ?? '').trim(),
      startDate: m.startDate || null,
      dueDate: m.dueDate ?? '',
      metDate: m.metDate || null,
      progress: m.progress ?? 0,
      weight: m.weight ?? 1,
    }));
    const problems = validateMilestones(rows);
    if (problems.length) {
      errors.show(asInputError(problems));
      return;
    }
    const res = await save({ projectId, milestones: rows });
    if (errors.show(res.error)) return;
    message.success(t('milestonesSaved'));
    onClose(true);
  };

  return (
    <Modal
      open
      width={980}
      title={t('editMilestones')}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('milestonesHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ milestones }}
        data-testid="milestones-form"
      >
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space
                  key={f.key}
                  align="start"
                  wrap
                  data-testid={`milestone-row-${i}`}
                  style={{ width: '100%' }}
                >
                  <Form.Item
                    name={[f.name, 'name']}
                    label={i === 0 ? t('milestoneName') : undefined}
                    style={{ width: 220 }}
                  >
                    <Input
                      maxLength={200}
                      placeholder={t('milestoneName')}
                      data-testid={`milestone-name-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'startDate']} label={i === 0 ? t('startDate') : undefined}>
                    <DateInput allowClear testId={`milestone-start-${i}`} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} label={i === 0 ? t('dueDate') : undefined}>
                    <DateInput testId={`milestone-due-${i}`} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'progress']} label={i === 0 ? t('progress') : undefined}>
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      addonAfter="%"
                      style={{ width: 110 }}
                      data-testid={`milestone-progress-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} label={i === 0 ? t('weight') : undefined}>
                    <InputNumber
                      min={0}
                      max={1000}
                      precision={0}
                      style={{ width: 80 }}
                      data-testid={`milestone-weight-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'metDate']} label={i === 0 ? t('metDate') : undefined}>
                    <DateInput allowClear testId={`milestone-met-${i}`} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item label={i === 0 ? ' ' : undefined}>
                    <Button
                      danger
                      type="link"
                      onClick={() => remove(f.name)}
                      data-testid={`milestone-remove-${i}`}
                    >
                      {t('remove')}
                    </Button>
                  </Form.Item>
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() =>
                  add({ name: '', startDate: null, dueDate: null, metDate: null, progress: 0, weight: 1 })
                }
                data-testid="milestone-add"
              >
                {t('addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>{errors.notice}</div>
      </Form>
    </Modal>
  );
}
