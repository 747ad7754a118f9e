import type { Messages } from '@kpd/web-kit';

type Key =
  | 'title' | 'city' | 'pickCity' | 'districts' | 'counties' | 'townships' | 'name' | 'code' | 'kind' | 'townshipCount'
  | 'chartTitle' | 'kindChart' | 'lightsPending' | 'back' | 'detail' | 'parent' | 'noTownships' | 'KIND_URBAN_DISTRICT' | 'KIND_COUNTY'
  | 'KIND_COUNTY_LEVEL_CITY' | 'KIND_DEVELOPMENT_ZONE' | 'KIND_DEMONSTRATION_ZONE' | 'KIND_SUBDISTRICT' | 'KIND_TOWN' | 'KIND_TOWNSHIP' | 'KIND_CITY' | 'KIND_PROVINCE';

export const messages: Messages<Key> = {
  zh: {
    title: '城市看板',
    city: '城市',
    pickCity: '选择城市',
    districts: '区县',
    counties: '其中县/县级市',
    townships: '乡镇街道',
    name: '名称',
    code: '区划代码',
    kind: '类型',
    townshipCount: '下辖乡镇街道',
    chartTitle: '各区县下辖乡镇街道数',
    kindChart: '区县类型构成',
    lightsPending: '分区亮灯、年度投资完成与排名尚未在看板上汇总；各项目的亮灯见“重点项目”。',
    back: '返回',
    detail: '区县详情',
    parent: '所属城市',
    noTownships: '尚未登记乡镇街道',
    KIND_URBAN_DISTRICT: '市辖区',
    KIND_COUNTY: '县',
    KIND_COUNTY_LEVEL_CITY: '县级市',
    KIND_DEVELOPMENT_ZONE: '开发区',
    KIND_DEMONSTRATION_ZONE: '示范区',
    KIND_SUBDISTRICT: '街道',
    KIND_TOWN: '镇',
    KIND_TOWNSHIP: '乡',
    KIND_CITY: '地级市',
    KIND_PROVINCE: '省',
  },
  en: {
    title: 'City dashboard',
    city: 'City',
    pickCity: 'Choose a city',
    districts: 'Districts',
    counties: 'of which counties',
    townships: 'Towns and subdistricts',
    name: 'Name',
    code: 'Code',
    kind: 'Kind',
    townshipCount: 'Towns/subdistricts',
    chartTitle: 'Towns and subdistricts per district',
    kindChart: 'Districts by kind',
    lightsPending: 'Lights, investment to date and rankings by district are not summed up on this dashboard yet; each project\'s light is on the Key projects page.',
    back: 'Back',
    detail: 'District',
    parent: 'City',
    noTownships: 'No towns or subdistricts registered',
    KIND_URBAN_DISTRICT: 'Urban district',
    KIND_COUNTY: 'County',
    KIND_COUNTY_LEVEL_CITY: 'County-level city',
    KIND_DEVELOPMENT_ZONE: 'Development zone',
    KIND_DEMONSTRATION_ZONE: 'Demonstration zone',
    KIND_SUBDISTRICT: 'Subdistrict',
    KIND_TOWN: 'Town',
    KIND_TOWNSHIP: 'Township',
    KIND_CITY: 'City',
    KIND_PROVINCE: 'Province',
  },
};

export type MessageKey = Key;
