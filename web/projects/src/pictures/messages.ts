import type { Messages } from '@kpd/web-kit';

type Key =
  | 'save'
  | 'cancel'
  | 'remove'
  | 'milestones'
  | 'editMilestones'
  | 'milestonesHint'
  | 'milestoneName'
  | 'startDate'
  | 'dueDate'
  | 'progress'
  | 'weight'
  | 'metDate'
  | 'addMilestone'
  | 'milestonesSaved'
  | 'editLocation'
  | 'locationHint'
  | 'geoJson'
  | 'geoJsonHint'
  | 'gcj02'
  | 'undoCorner'
  | 'clearCorners'
  | 'corners'
  | 'east'
  | 'west'
  | 'south'
  | 'north'
  | 'required'
  | 'notJson'
  | 'notPolygon'
  | 'outsideArea'
  | 'locationSaved'
  | 'editRenderings'
  | 'renderingsHint'
  | 'addRendering'
  | 'uploading'
  | 'tooLarge'
  | 'wrongType'
  | 'uploadNetwork'
  | 'tooMany'
  | 'renderingsSaved'
  | 'noRenderings';

export const pictureMessages: Messages<Key> = {
  zh: {
    save: '保存',
    cancel: '取消',
    remove: '删除',
    milestones: '节点任务',
    editMilestones: '编辑节点任务',
    milestonesHint:
      '节点按计划完成日期亮灯：到期未完成亮红灯，逾期完成亮黄灯。已完成的节点请填写实际完成日期，进度为 100%。',
    milestoneName: '节点名称',
    startDate: '开始日期',
    dueDate: '计划完成日期',
    progress: '完成进度',
    weight: '权重',
    metDate: '实际完成日期',
    addMilestone: '添加节点',
    milestonesSaved: '节点任务已保存，亮灯已重新计算',
    editLocation: '编辑位置图',
    locationHint: '在地图上依次点击项目范围的各个顶点（至少三个），或粘贴 GeoJSON 文本；范围须在{area}内。',
    geoJson: '项目范围（GeoJSON）',
    geoJsonHint: 'Polygon 或 MultiPolygon，经度在前、纬度在后；在地图上点击会自动生成',
    gcj02: '坐标取自高德、腾讯等国内地图（GCJ-02，保存时转换为 WGS84）',
    undoCorner: '撤销上一个顶点',
    clearCorners: '清除范围',
    corners: '已放置 {n} 个顶点',
    east: '东至',
    west: '西至',
    south: '南至',
    north: '北至',
    required: '请填写{field}',
    notJson: '不是有效的 GeoJSON 文本',
    notPolygon:
      '范围应为闭合的多边形（Polygon 或 MultiPolygon），至少三个不同的顶点，经度在前、纬度在后，且位于中国境内',
    outsideArea: '范围超出{area}的边界：顶点 {lng}, {lat} 不在{area}内',
    locationSaved: '位置图已保存',
    editRenderings: '编辑效果图',
    renderingsHint:
      '上传项目建成后的效果图（鸟瞰图），JPEG、PNG 或 WebP，每张不超过 {mb} MB，最多 {max} 张。保存后替换原有效果图。',
    addRendering: '上传效果图',
    uploading: '上传中',
    tooLarge: '{name} 超过 {mb} MB 上限',
    wrongType: '{name} 不是 JPEG、PNG 或 WebP 图片',
    uploadNetwork: '上传失败：无法连接服务器，请检查网络后重试',
    tooMany: '效果图最多 {max} 张',
    renderingsSaved: '效果图已保存',
    noRenderings: '还没有效果图',
  },
  en: {
    save: 'Save',
    cancel: 'Cancel',
    remove: 'Remove',
    milestones: 'Milestones',
    editMilestones: 'Edit milestones',
    milestonesHint:
      'Milestones light by their due dates: not met when due is red, met late is yellow. A met milestone has its date and 100% progress.',
    milestoneName: 'Milestone',
    startDate: 'Start',
    dueDate: 'Due',
    progress: 'Progress',
    weight: 'Weight',
    metDate: 'Met on',
    addMilestone: 'Add a milestone',
    milestonesSaved: 'Milestones saved; lights recomputed',
    editLocation: 'Edit location',
    locationHint:
      'Click the corners of the site on the map (at least three), or paste GeoJSON; the site must lie in {area}.',
    geoJson: 'Site (GeoJSON)',
    geoJsonHint: 'Polygon or MultiPolygon, longitude first; filled in as you click the map',
    gcj02: 'Coordinates read off a Chinese map (GCJ-02; converted to WGS84 on saving)',
    undoCorner: 'Undo the last corner',
    clearCorners: 'Clear the site',
    corners: '{n} corners placed',
    east: 'East',
    west: 'West',
    south: 'South',
    north: 'North',
    required: 'Enter the {field}',
    notJson: 'Not valid GeoJSON text',
    notPolygon:
      'The site must be a closed polygon (Polygon or MultiPolygon) of at least three corners, longitude first, in China',
    outsideArea: 'The site leaves {area}: the corner {lng}, {lat} is outside it',
    locationSaved: 'Location saved',
    editRenderings: 'Edit renderings',
    renderingsHint:
      'Upload pictures of the finished project: JPEG, PNG or WebP, up to {mb} MB each, at most {max}. Saving replaces the renderings.',
    addRendering: 'Upload a rendering',
    uploading: 'Uploading',
    tooLarge: '{name} is over the {mb} MB limit',
    wrongType: '{name} is not a JPEG, PNG or WebP picture',
    uploadNetwork: 'Upload failed: cannot reach the server',
    tooMany: 'At most {max} renderings',
    renderingsSaved: 'Renderings saved',
    noRenderings: 'No renderings yet',
  },
};
