import type { ApiModule } from '../../core/module';
import { ServiceItem } from './service-item.entity';
import { serviceItemRoutes } from './service-items.import';
import { ServiceItemsResolver, ServiceZonesResolver } from './service-items.resolver';
import { seedServiceItems } from './seed';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

/** The government service-item catalogues (政务服务事项): /api/service-items/export.xlsx, template.xlsx. */
export const serviceItemsModule: ApiModule = {
  name: 'service-items',
  entities: [ServiceItem, ServiceZone, ServiceWindow, ServiceBaseline],
  resolvers: [ServiceItemsResolver, ServiceZonesResolver],
  routes: serviceItemRoutes,
  seedDemo: seedServiceItems,
};
