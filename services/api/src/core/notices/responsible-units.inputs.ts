import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A responsible unit to add to a directory or to change. 责任单位' })
export class ResponsibleUnitInput {
  @Field(() => ID, { nullable: true, description: 'The unit to change; none: a new one. 编号' })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: 'The district or city whose directory lists a new unit (ignored when changing one). 所属地区' })
  areaId?: string | null;

  @Field({ description: 'Its name, as problems name their owner unit (at most 64 characters, unique in the area). 单位名称' })
  name!: string;

  @Field({ description: 'Its contact person (at most 32 characters). 联系人' })
  contactName!: string;

  @Field({ description: 'The contact’s mobile number (11 digits; +86, spaces and dashes are dropped). 手机号码' })
  phone!: string;

  @Field({ description: 'Whether it is sent its problems’ reminders. 启用' })
  enabled!: boolean;
}
