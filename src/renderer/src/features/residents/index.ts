/**
 * The resident registry's public face: what the shell's list of areas and other areas may import. Other
 * areas find and show a person through these, never through the registry's own folders.
 */
export { residentsArea } from './area';
export { residentHref, householdHref } from './common/hrefs';
export { ResidentPicker } from './picker/ResidentPicker';
export { useBuildings, useGrids, useTags } from './common/use-catalog';
export { buildingShortLabel } from './common/room-label';
export { codeListLabel, genderLabel, outcomeLabel } from './common/terms';
