import { ResidentListPage } from './list/ResidentListPage';
import { ResidentPage } from './detail/ResidentPage';
import { ResidentFormPage } from './form/ResidentFormPage';
import { HouseholdPage } from './households/HouseholdPage';
import { HousePage } from './households/HousePage';

/**
 * `#/residents/…`: the list, a resident (`<id>`, `<id>/edit`), `new` (or `new/<houseId>` from a room of
 * the 楼盘表, the address already chosen), a household (`household/<id>`) and
 * a house (`house/<id>`). They share the 居民 entry in the navigation. Resident ids are UUIDs, so they
 * never collide with the fixed words.
 */
export function ResidentsScreen({ rest }: { rest: string[] }) {
  const [first, second] = rest;
  if (!first) return <ResidentListPage />;
  if (first === 'new') return <ResidentFormPage key={second ?? 'new'} id={null} atHouseId={second ?? null} />;
  if (first === 'household' && second) return <HouseholdPage key={second} id={second} />;
  if (first === 'house' && second) return <HousePage key={second} id={second} />;
  if (second === 'edit') return <ResidentFormPage key={first} id={first} />;
  return <ResidentPage key={first} id={first} />;
}
