import { useState } from 'react';
import type { HouseholdSummary } from '@shared/contract/residents';

/**
 * The house, the building the house picker shows, and the household, as the resident form and the 迁入 /
 * 变更户 dialog pick them. A household found by its number at another house takes the house (and its
 * building) with it: `followHousehold` is the household picker's onElsewhere.
 */
export function usePlacementPicks(initial: { houseId: string | null; buildingId: string | null; householdId: string | null }) {
  const [houseId, setHouseId] = useState(initial.houseId);
  const [building, setBuilding] = useState(initial.buildingId);
  const [householdId, setHouseholdId] = useState(initial.householdId);
  const followHousehold = (h: Pick<HouseholdSummary, 'houseId' | 'buildingId'>) => {
    setHouseId(h.houseId);
    setBuilding(h.buildingId);
  };
  return { houseId, setHouseId, building, householdId, setHouseholdId, followHousehold };
}
