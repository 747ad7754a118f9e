import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../areas/area.entity';
import { canReadContacts, requireScope } from '../auth/policy';
import { TokenScope } from '../auth/token-scope';
import { Role } from '../auth/user.entity';
import type { Context } from '../context';
import { ResponsibleUnit } from './responsible-unit.entity';
import { ResponsibleUnitInput } from './responsible-units.inputs';
import { listResponsibleUnits, saveResponsibleUnit } from './responsible-units.service';

/** Its contact details: admins of its area and tokens granted read:contacts there; null for the rest. */
function contact(ctx: Context, unit: ResponsibleUnit, value: string, field: string): string | null {
  if (canReadContacts(ctx.viewer, unit.areaId)) return value;
  requireScope(ctx.viewer, TokenScope.READ_CONTACTS, field);
  return null;
}

@Resolver(() => ResponsibleUnit)
export class ResponsibleUnitsResolver {
  @Authorized([Role.ADMIN, Role.ANALYST, Role.SECRETARY])
  @Query(() => [ResponsibleUnit], {
    description: 'The responsible units of an area’s directory and of its city’s, closest first: which owner units are sent their problems’ deadline reminders. 责任单位名录',
  })
  responsibleUnits(@Arg('areaId', () => ID, { description: 'A district or city (or an area under one). 地区' }) areaId: string, @Ctx() ctx: Context): Promise<ResponsibleUnit[]> {
    return listResponsibleUnits(ctx, areaId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ResponsibleUnit, { description: 'Adds a responsible unit to a district’s or city’s directory, or changes or disables one. 保存责任单位' })
  saveResponsibleUnit(@Arg('input', () => ResponsibleUnitInput, { description: 'The unit. 责任单位' }) input: ResponsibleUnitInput, @Ctx() ctx: Context): Promise<ResponsibleUnit> {
    return saveResponsibleUnit(ctx, input);
  }

  @FieldResolver(() => Area, { description: 'The district or city whose directory lists it. 所属地区' })
  area(@Root() unit: ResponsibleUnit, @Ctx() ctx: Context): Area {
    return ctx.areas.get(unit.areaId)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its contact person: for admins of its area and API tokens with READ_CONTACTS there (null for others). 联系人' })
  contactName(@Root() unit: ResponsibleUnit, @Ctx() ctx: Context): string | null {
    return contact(ctx, unit, unit.contactName, 'ResponsibleUnit.contactName');
  }

  @FieldResolver(() => String, { nullable: true, description: 'The contact’s mobile number, where the SMS reminders go: for admins of its area and API tokens with READ_CONTACTS there (null for others). 手机号码' })
  phone(@Root() unit: ResponsibleUnit, @Ctx() ctx: Context): string | null {
    return contact(ctx, unit, unit.phone, 'ResponsibleUnit.phone');
  }
}
