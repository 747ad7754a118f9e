import { TreeSelect } from 'antd';
import { useQuery } from 'urql';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordClasses } from '@kpd/domain';
import type { Rule } from 'antd/es/form';
import type { AdminAreaTreeQuery } from '../gql/graphql';
import { AREA_TREE } from './queries';

export interface TreeOption {
  value: string;
  title: string;
  level: string;
  children?: TreeOption[];
}

/** The viewer's area, its children and, under a city, the city's districts, as TreeSelect options. */
export function areaOptions(data: AdminAreaTreeQuery | undefined): TreeOption[] {
  if (!data) return [];
  const districtsOf = (cityId: string): TreeOption[] =>
    data.districts.filter((d) => d.parent?.id === cityId).map((d) => ({ value: d.id, title: d.name, level: d.level }));
  return data.areas.map((root) => ({
    value: root.id,
    title: root.name,
    level: root.level,
    children: root.children.length
      ? root.children.map((c) => {
          const under = c.level === 'CITY' ? districtsOf(c.id) : [];
          return { value: c.id, title: c.name, level: c.level, children: under.length ? under : undefined };
        })
      : undefined,
  }));
}

export function useAreaOptions(): { options: TreeOption[]; fetching: boolean } {
  const [{ data, fetching }] = useQuery({ query: AREA_TREE });
  return { options: areaOptions(data), fetching };
}

/** An area of the viewer's scope, picked from its tree (usable as an antd Form field). */
export function AreaPicker({
  value,
  onChange,
  placeholder,
  allowClear,
  id,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const { options, fetching } = useAreaOptions();
  return (
    <TreeSelect
      // Mounted again once the tree has loaded, so the viewer's own area opens expanded.
      key={options.length}
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={options}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={fetching}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

/** The password rules of packages/domain as antd Form rules, in the form's language. */
export function passwordRules(t: (k: 'passwordRule' | 'passwordLength' | 'passwordClasses') => string): Rule[] {
  return [
    { required: true, message: t('passwordRule') },
    { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH, message: t('passwordLength') },
    {
      validator: (_rule, value: string | undefined) =>
        !value || value.length < PASSWORD_MIN_LENGTH || passwordClasses(value) >= 3 ? Promise.resolve() : Promise.reject(new Error(t('passwordClasses'))),
    },
  ];
}
