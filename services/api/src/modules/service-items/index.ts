import type { ApiModule } from '../../core/module';
import { ServiceItem } from './service-item.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceCase } from './service-case.entity';
import { ServiceCaseFiguresResolver, ServiceCasesResolver } from './cases.resolver';
import { ServiceRatingFiguresResolver, ServiceRatingsResolver, ServiceRectificationsResolver } from './ratings.resolver';
import { ServiceRating, ServiceRectification, ServiceRectificationStepRow } from './service-rating.entity';
import { ServiceBundle, ServiceBundleItem } from './service-bundle.entity';
import { ServiceBundlesResolver } from './bundles.resolver';
import { PublicServiceItemResolver, ServiceGuidesResolver } from './guides.resolver';
import { serviceItemRoutes } from './service-items.import';
import { ServiceItemsResolver, ServiceZonesResolver } from './service-items.resolver';
import { seedServiceItems } from './seed';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

/** The government service-item catalogues (政务服务事项): /api/service-items/export.xlsx, template.xlsx; cases, guides, 好差评 and 一件事 bundles. */
export const serviceItemsModule: ApiModule = {
  name: 'service-items',
  entities: [ServiceItem, ServiceZone, ServiceWindow, ServiceBaseline, ServiceGuideRow, ServiceCase, ServiceRating, ServiceRectification, ServiceRectificationStepRow, ServiceBundle, ServiceBundleItem],
  resolvers: [ServiceItemsResolver, ServiceZonesResolver, ServiceGuidesResolver, PublicServiceItemResolver, ServiceCasesResolver, ServiceCaseFiguresResolver, ServiceRatingsResolver, ServiceRectificationsResolver, ServiceRatingFiguresResolver, ServiceBundlesResolver],
  routes: serviceItemRoutes,
  seedDemo: seedServiceItems,
};
