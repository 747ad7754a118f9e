import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
import { table } from './messages';
import { downloadKeyFile, makeHolderKey, openSealedShare, parseKeyFile } from './holder-key';

export const keyMessages = table(
  {
    title: '计票密钥（监票人）',
    registered: '您已登记计票公钥（标识 {tag}）。每轮的计票密钥份额会加密给这把公钥，只有您下载的密钥文件能打开。',
    notRegistered: '您尚未登记计票公钥。计票密钥的三个份额分别交三名监票人保管：请在本页生成密钥，密钥文件会下载到本设备，私钥不会上传。',
    keep: '请把密钥文件另存一份（如 U 盘），不要交给他人；丢失后须在投票开始前重新生成。',
    generate: '生成密钥并下载密钥文件',
    regenerate: '重新生成密钥',
    generated: '已登记新的公钥，密钥文件已下载。',
    lockedWhileOpen: '本轮投票进行中，份额已加密给已登记的公钥，不能更换。',
    holding: '您保管本轮第 {n} 份计票密钥份额。管理员截止投票后，请在这里用密钥文件打开份额并提交。',
    notHolding: '本轮计票密钥份额不由您保管。',
    keyFile: '密钥文件',
    publicKey: '计票公钥',
    keyFileRequired: '请选择登记公钥时下载的密钥文件',
    notKeyFile: '这不是计票密钥文件',
    wrongKey: '该密钥文件打不开本轮份额：不是您登记的那把密钥',
    share: '打开的份额',
    submit: '打开并提交份额',
    submitted: '您已提交第 {n} 份份额，等待其他监票人（共需 {needed} 份）。',
    counted: '份额已齐，本轮已计票。',
    sharesTitle: '计票密钥份额',
    holder: '保管人',
    number: '份额',
    state: '状态',
    brought: '已提交',
    waiting: '待提交',
    needed: '已提交 {n} 份，计票需 {needed} 份。',
  },
  {
    title: 'Counting key (scrutineer)',
    registered: 'Your counting public key is registered (tag {tag}). Each round’s key share is sealed to it; only the key file you downloaded opens it.',
    notRegistered: 'You have not registered a counting public key. The three shares of the counting key go to three scrutineers: make your key on this page; the key file is downloaded to this device and the private key is never sent.',
    keep: 'Keep a second copy of the key file (e.g. on a USB stick) and give it to nobody; if lost, make a new one before the vote opens.',
    generate: 'Make a key and download the key file',
    regenerate: 'Make a new key',
    generated: 'The new public key is registered and the key file downloaded.',
    lockedWhileOpen: 'A round is open: its shares are sealed to the registered keys, which cannot change now.',
    holding: 'You hold share {n} of this round’s counting key. Once the admin ends the casting, open it here with your key file and submit it.',
    notHolding: 'You hold no share of this round’s counting key.',
    keyFile: 'Key file',
    publicKey: 'Counting public key',
    keyFileRequired: 'Choose the key file downloaded when you registered',
    notKeyFile: 'Not a counting key file',
    wrongKey: 'This key file does not open this round’s share: it is not the key you registered',
    share: 'Opened share',
    submit: 'Open and submit the share',
    submitted: 'You submitted share {n}; waiting for the other scrutineers ({needed} needed).',
    counted: 'Enough shares: the round is counted.',
    sharesTitle: 'Counting key shares',
    holder: 'Holder',
    number: 'Share',
    state: 'State',
    brought: 'submitted',
    waiting: 'waiting',
    needed: '{n} submitted; the count needs {needed}.',
  },
);

export interface ShareRow {
  number: number;
  holder: string;
  submitted: boolean;
  mine: boolean;
}

export interface KeyRound {
  status: 'OPEN' | 'CLOSED';
  awaitingShares: boolean;
  sharesNeeded: number;
  countingShares: ShareRow[] | null;
  myCountingShare: { number: number; sealed: string; keyTag: string; submitted: boolean } | null;
}

const REGISTER = graphql(`
  mutation RegisterCountingKey($sessionId: ID!, $publicKey: String!) { registerCountingKey(sessionId: $sessionId, publicKey: $publicKey) { id shareKey } }
`);
const SUBMIT = graphql(`
  mutation SubmitCountingShare($sessionId: ID!, $share: String!) { submitCountingShare(sessionId: $sessionId, share: $share) { counted submitted needed } }
`);

/** The shares of a round: who holds which and whether it was brought. */
export function ShareStatus({ round }: { round: KeyRound }) {
  const k = useMessages(keyMessages);
  if (!round.countingShares?.length) return null;
  const n = round.countingShares.filter((r) => r.submitted).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="share-status">
      <Typography.Text>{k('needed', { n, needed: round.sharesNeeded })}</Typography.Text>
      <Table<ShareRow>
        size="small"
        rowKey="number"
        pagination={false}
        dataSource={round.countingShares}
        scroll={{ x: true }}
        columns={[
          { title: k('number'), dataIndex: 'number', width: 60 },
          { title: k('holder'), dataIndex: 'holder' },
          { title: k('state'), dataIndex: 'submitted', render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{k(v ? 'brought' : 'waiting')}</Tag> },
        ]}
      />
    </Space>
  );
}

/**
 * A scrutineer's part of the counting key: making and registering their key (the private half a file
 * on their device), and at the count opening their share with that file and submitting it.
 */
export function KeyHolder({ session, onChanged }: { session: { id: string; name: string; status: string; me: { shareKey?: string | null } | null; round: KeyRound | null }; onChanged: () => void }) {
  const k = useMessages(keyMessages);
  const [registered, register] = useMutation(REGISTER);
  const [submitted, submit] = useMutation(SUBMIT);
  const [keyForm] = Form.useForm<Record<string, never>>();
  const [shareForm] = Form.useForm<{ keyFile?: string; share?: string }>();
  const keyErrors = useFormErrors(keyForm, { publicKey: k('publicKey') });
  const shareErrors = useFormErrors(shareForm, { share: k('share') });
  const [fileText, setFileText] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const round = session.round;
  const open = round?.status === 'OPEN' && session.status === 'VOTING';
  const mine = open ? round?.myCountingShare : null;
  const shareKey = session.me?.shareKey ?? null;

  const generate = async () => {
    keyErrors.clear();
    const file = await makeHolderKey(session.id, session.name, '监票人');
    downloadKeyFile(file);
    const res = await register({ sessionId: session.id, publicKey: file.publicKey });
    if (!keyErrors.show(res.error)) {
      setDone(k('generated'));
      onChanged();
    }
  };

  const openAndSubmit = async () => {
    shareErrors.clear();
    const file = fileText ? parseKeyFile(fileText) : null;
    if (!file) {
      shareForm.setFields([{ name: 'keyFile', errors: [k('notKeyFile')] }]);
      return;
    }
    let share: string;
    try {
      share = await openSealedShare(file, mine!.sealed);
    } catch {
      shareForm.setFields([{ name: 'keyFile', errors: [k('wrongKey')] }]);
      return;
    }
    shareForm.setFieldsValue({ share });
    const res = await submit({ sessionId: session.id, share });
    if (!shareErrors.show(res.error)) {
      setDone(res.data?.submitCountingShare.counted ? k('counted') : null);
      onChanged();
    }
  };

  return (
    <Card size="small" title={k('title')} style={{ marginBottom: 16 }} data-testid="key-holder">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!open && (
          <Form form={keyForm} layout="vertical" onFinish={generate}>
            <Typography.Paragraph data-testid="key-state">{shareKey ? k('registered', { tag: shareKey.slice(0, 8) }) : k('notRegistered')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{k('keep')}</Typography.Paragraph>
            {keyErrors.notice}
            <Button type={shareKey ? 'default' : 'primary'} htmlType="submit" loading={registered.fetching} block data-testid="key-generate">
              {k(shareKey ? 'regenerate' : 'generate')}
            </Button>
          </Form>
        )}
        {open && !mine && <Typography.Text type="secondary">{shareKey ? k('notHolding') : k('lockedWhileOpen')}</Typography.Text>}
        {mine && !round!.awaitingShares && <Alert type="info" showIcon title={k('holding', { n: mine.number })} data-testid="share-holding" />}
        {mine && round!.awaitingShares && mine.submitted && <Alert type="success" showIcon title={k('submitted', { n: mine.number, needed: round!.sharesNeeded })} data-testid="share-submitted" />}
        {mine && round!.awaitingShares && !mine.submitted && (
          <Form form={shareForm} layout="vertical" onFinish={openAndSubmit} data-testid="share-form">
            <Typography.Paragraph>{k('holding', { n: mine.number })}</Typography.Paragraph>
            <Form.Item label={k('keyFile')} required>
              <Form.Item name="keyFile" noStyle rules={[{ required: true, message: k('keyFileRequired') }]}>
                <input type="hidden" />
              </Form.Item>
              <input
                type="file"
                accept=".json,application/json"
                data-testid="key-file"
                style={{ maxWidth: '100%' }}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  const text = f ? await f.text() : null;
                  setFileText(text);
                  shareForm.setFields([{ name: 'keyFile', value: f?.name, errors: [] }]);
                }}
              />
            </Form.Item>
            <Form.Item name="share" label={k('share')}>
              <Input readOnly placeholder={`${mine.keyTag}-${mine.number}-…`} data-testid="share-opened" />
            </Form.Item>
            {shareErrors.notice}
            <Button type="primary" htmlType="submit" loading={submitted.fetching} block data-testid="share-submit">
              {k('submit')}
            </Button>
          </Form>
        )}
        {done && <Alert type="success" showIcon title={done} data-testid="key-done" />}
        {open && round && <ShareStatus round={round} />}
      </Space>
    </Card>
  );
}
