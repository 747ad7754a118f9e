/**
 * 编辑位置图: the project's site drawn on its district's real outline — each click on the map places
 * the next corner — or pasted as GeoJSON, with the four boundaries in words. The site is checked as
 * the server checks it (a closed polygon, inside the district) before it is sent, and the server's
 * refusals land under the field they name.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Checkbox, Col, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import {
  gcj02ToWgs84,
  siteCornerOutside,
  validateSiteGeometry,
  type Position,
  type SiteGeometry,
} from '@kpd/domain';
import { QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { SiteDrawMap } from '@kpd/web-kit/map';
import { graphql } from '../gql';
import { asInputError } from '../edit/MilestonesEditor';
import { pictureMessages } from './messages';

const LOCATION_FOR_EDIT = graphql(`
  query ProjectLocationForEdit($id: ID!) {
    project(id: $id) {
      id
      name
      district {
        id
        name
        outline
      }
      location {
        geoJson
        east
        west
        south
        north
      }
    }
  }
`);

const SET_LOCATION = graphql(`
  mutation SetProjectLocation($projectId: ID!, $input: LocationInput!) {
    setProjectLocation(projectId: $projectId, input: $input) {
      id
      location {
        geoJson
        east
        west
        south
        north
      }
    }
  }
`);

interface LocationValues {
  geoJson: string;
  gcj02: boolean;
  east: string;
  west: string;
  south: string;
  north: string;
}

type Corner = [number, number];

/** The corners of the site's first outer ring (without the closing repeat), or null when the text is no polygon. */
function cornersOf(text: string): Corner[] | null {
  try {
    const g = JSON.parse(text) as { type?: string; coordinates?: unknown };
    const ring =
      g.type === 'Polygon'
        ? (g.coordinates as Corner[][])[0]
        : g.type === 'MultiPolygon'
          ? (g.coordinates as Corner[][][])[0]?.[0]
          : null;
    if (
      !Array.isArray(ring) ||
      !ring.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
    )
      return null;
    const last = ring[ring.length - 1];
    return ring.length > 1 && last[0] === ring[0][0] && last[1] === ring[0][1] ? ring.slice(0, -1) : ring;
  } catch {
    return null;
  }
}

const polygonText = (corners: Corner[]) =>
  corners.length === 0 ? '' : JSON.stringify({ type: 'Polygon', coordinates: [[...corners, corners[0]]] });

export function EditLocationButton({ projectId, onSaved }: { projectId: string; onSaved: () => void }) {
  const t = useMessages(pictureMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="edit-location">
        {t('editLocation')}
      </Button>
      {open && (
        <LocationEditor
          projectId={projectId}
          onClose={(saved) => {
            setOpen(false);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function LocationEditor({ projectId, onClose }: { projectId: string; onClose: (saved: boolean) => void }) {
  const t = useMessages(pictureMessages);
  const [{ data, fetching, error }] = useQuery({
    query: LOCATION_FOR_EDIT,
    variables: { id: projectId },
    requestPolicy: 'network-only',
  });
  return (
    <Modal
      open
      width={900}
      title={t('editLocation')}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false}>
        {({ project }) => <LocationForm project={project} onClose={onClose} />}
      </QueryState>
    </Modal>
  );
}

interface EditedProject {
  id: string;
  district: { name: string; outline?: string | null };
  location: {
    geoJson?: string | null;
    east?: string | null;
    west?: string | null;
    south?: string | null;
    north?: string | null;
  };
}

function LocationForm({ project, onClose }: { project: EditedProject; onClose: (saved: boolean) => void }) {
  const t = useMessages(pictureMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<LocationValues>();
  // A refused corner (input.geoJson.coordinates[0][2]) is named as the site.
  const errors = useFormErrors(form, { coordinates: t('geoJson'), type: t('geoJson') });
  const [{ fetching }, save] = useMutation(SET_LOCATION);
  const loc = project.location;
  const [corners, setCorners] = useState<Corner[]>(() => cornersOf(loc.geoJson ?? '') ?? []);
  const area = project.district;
  const outline = useMemo<SiteGeometry | null>(() => {
    try {
      return area.outline ? validateSiteGeometry(JSON.parse(area.outline)) : null;
    } catch {
      return null;
    }
  }, [area.outline]);

  const place = (next: Corner[]) => {
    setCorners(next);
    form.setFieldsValue({ geoJson: polygonText(next) });
    if (next.length >= 3) void form.validateFields(['geoJson']);
  };

  // The server's rule, in the browser: a closed polygon in China, inside the district (after converting GCJ-02).
  const checkSite = (text: string, gcj02: boolean): string | null => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return t('notJson');
    }
    let site: SiteGeometry;
    try {
      site = validateSiteGeometry(value, 'geoJson');
    } catch {
      return t('notPolygon');
    }
    if (!outline) return null;
    const conv = (p: Position): Position => (gcj02 ? gcj02ToWgs84(p) : p);
    const wgs: SiteGeometry =
      site.type === 'Polygon'
        ? { type: 'Polygon', coordinates: site.coordinates.map((r) => r.map(conv)) }
        : { type: 'MultiPolygon', coordinates: site.coordinates.map((poly) => poly.map((r) => r.map(conv))) };
    const corner = siteCornerOutside(wgs, outline);
    return corner
      ? t('outsideArea', { area: area.name, lng: corner[0].toFixed(6), lat: corner[1].toFixed(6) })
      : null;
  };

  const submit = async (v: LocationValues) => {
    errors.clear();
    const problem = checkSite(v.geoJson, v.gcj02);
    if (problem) {
      errors.show(asInputError([{ field: 'input.geoJson', reason: problem }]));
      return;
    }
    const res = await save({
      projectId: project.id,
      input: {
        geoJson: v.geoJson,
        gcj02: v.gcj02,
        east: v.east.trim(),
        west: v.west.trim(),
        south: v.south.trim(),
        north: v.north.trim(),
      },
    });
    if (errors.show(res.error)) return;
    message.success(t('locationSaved'));
    onClose(true);
  };

  const req = (field: string) => [
    { required: true, whitespace: true, message: t('required', { field }) },
    { max: 200 },
  ];
  return (
    <Form<LocationValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
      initialValues={{
        geoJson: loc.geoJson ?? '',
        gcj02: false,
        east: loc.east ?? '',
        west: loc.west ?? '',
        south: loc.south ?? '',
        north: loc.north ?? '',
      }}
      data-testid="location-form"
    >
      <Typography.Paragraph type="secondary">{t('locationHint', { area: area.name })}</Typography.Paragraph>
      <SiteDrawMap
        areaOutline={area.outline ?? null}
        corners={corners}
        onAdd={(p) => place([...corners, p])}
        height={340}
        testId="location-map"
      />
      <Space style={{ margin: '8px 0' }}>
        <Typography.Text data-testid="location-corners">
          {t('corners', { n: corners.length })}
        </Typography.Text>
        <Button
          size="small"
          disabled={corners.length === 0}
          onClick={() => place(corners.slice(0, -1))}
          data-testid="location-undo"
        >
          {t('undoCorner')}
        </Button>
        <Button size="small" disabled={corners.length === 0} onClick={() => place([])}>
          {t('clearCorners')}
        </Button>
      </Space>
      <Form.Item
        name="geoJson"
        label={t('geoJson')}
        extra={t('geoJsonHint')}
        rules={[
          { required: true, message: t('required', { field: t('geoJson') }) },
          {
            validator: (_r, value: string) => {
              if (!value) return Promise.resolve();
              const problem = checkSite(value, !!form.getFieldValue('gcj02'));
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="location-geojson"
          onChange={(e) => {
            const next = e.target.value.trim() === '' ? [] : cornersOf(e.target.value);
            if (next) setCorners(next);
          }}
        />
      </Form.Item>
      <Form.Item name="gcj02" valuePropName="checked">
        <Checkbox>{t('gcj02')}</Checkbox>
      </Form.Item>
      <Row gutter={12}>
        {(['east', 'west', 'south', 'north'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Form.Item name={k} label={t(k)} rules={req(t(k))}>
              <Input maxLength={200} data-testid={`location-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {errors.notice}
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="location-save">
          {t('save')}
        </Button>
      </Space>
    </Form>
  );
}
