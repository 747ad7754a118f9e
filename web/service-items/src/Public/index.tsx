import { LocaleProvider, type PublicProps } from '@kpd/web-kit';
import { PublicRate, RATING_PAGE } from '../ratings/PublicRate';
import { BUNDLE_PAGE, PublicBundle } from '../bundles/PublicBundle';
import { GuideList } from './GuideList';
import { GuidePage } from './GuidePage';

const PRINT_CSS = `@media print { [data-testid="public-page"] header, .guide-no-print { display: none !important; } .ant-card { break-inside: avoid; box-shadow: none; } }`;

/**
 * Service guides for anyone, no sign-in (/public/guides, /public/guides/<item id>): phone-first,
 * printable; and the rating page an applicant's link opens (/public/rate/<token>).
 */
export default function Public(props: PublicProps) {
  const id = props.path.split('/').filter(Boolean)[0];
  if (props.basePath === RATING_PAGE)
    return (
      <LocaleProvider locale={props.locale}>
        <PublicRate token={id ?? ''} />
      </LocaleProvider>
    );
  if (props.basePath === BUNDLE_PAGE)
    return (
      <LocaleProvider locale={props.locale}>
        <PublicBundle id={id ?? ''} />
      </LocaleProvider>
    );
  return (
    <LocaleProvider locale={props.locale}>
      <style>{PRINT_CSS}</style>
      <div style={{ maxWidth: 820, margin: '0 auto' }}>
        {id && /^\d+$/.test(id) ? (
          <GuidePage id={id} onBack={() => props.navigate('/')} />
        ) : (
          <GuideList onOpen={(to) => props.navigate(`/${to}`)} />
        )}
      </div>
    </LocaleProvider>
  );
}
