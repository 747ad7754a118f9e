import { LightColor } from './light.entity';

export const LIGHT_LABELS: Record<LightColor, string> = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' };
