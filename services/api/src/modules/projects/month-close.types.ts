import { Connection } from '../../core/pagination';
import { LightCorrection } from './month-close.entity';

export const LightCorrectionConnection = Connection(LightCorrection, 'LightCorrection');
