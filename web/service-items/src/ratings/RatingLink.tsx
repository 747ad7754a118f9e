import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import { ratingMessages } from './messages';

const ISSUE = graphql(`
  mutation IssueServiceRatingLink($caseId: ID!) {
    issueServiceRatingLink(caseId: $caseId) {
      path
      caseNo
    }
  }
`);

/** Issues a case's one-time rating link and shows it once, to send to the applicant. */
export function RatingLinkButton({ caseId }: { caseId: string }) {
  const t = useMessages(ratingMessages);
  const [{ fetching, data, error }, issue] = useMutation(ISSUE);
  const [open, setOpen] = useState(false);
  const link = data ? `${window.location.origin}${data.issueServiceRatingLink.path}` : null;
  return (
    <>
      <Button
        size="small"
        loading={fetching}
        onClick={async () => {
          setOpen(true);
          await issue({ caseId });
        }}
        data-testid="rating-link"
      >
        {t('link')}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={data ? t('linkTitle', { caseNo: data.issueServiceRatingLink.caseNo }) : t('link')}
        destroyOnHidden
      >
        {error && <ErrorNotice error={error} />}
        {link && (
          <>
            <Typography.Paragraph copyable={{ text: link }} code data-testid="rating-link-url" style={{ wordBreak: 'break-all' }}>
              {link}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('linkHint')}</Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
