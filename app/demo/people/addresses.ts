// Estates, buildings, units and rooms of each community, and a different free room for every household.
import { ESTATE_STEMS } from "./data/places.ts";
import type { Random } from "./random.ts";

export interface Address {
  estate: string;
  grid: string | null;
  building: string;
  unit: string;
  room: string;
}

interface Estate {
  name: string;
  grid: string | null;
  units: number;
  floors: number;
  rooms: number;
  /** First slot of the estate in the community's numbering, and its number of rooms. */
  start: number;
  size: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The rooms of one community, numbered 0 … capacity-1. Households take slots offset + k·step (mod
 * capacity) with the step coprime to the capacity: every household gets a room of its own, spread over
 * all estates, without keeping a list of taken rooms.
 */
export class CommunityRooms {
  private readonly estates: Estate[] = [];
  private readonly capacity: number;
  private readonly step: number;
  private readonly offset: number;
  private taken = 0;

  /** `names` is shared by all communities so no two estates have the same name. */
  constructor(random: Random, grids: string[], households: number, names: Set<string>) {
    let capacity = 0;
    const minimum = Math.max(3, grids.length);
    while (this.estates.length < minimum || capacity < households * 1.5 + 20) {
      const lowRise = random.chance(0.6);
      const floors = lowRise ? random.pick([5, 6, 6, 6]) : random.pick([12, 16, 18, 24]);
      const units = lowRise ? random.between(2, 6) : random.between(1, 3);
      const rooms = lowRise ? random.between(2, 3) : random.between(2, 4);
      const size = random.between(2, 16) * units * floors * rooms;
      const grid = grids.length ? grids[this.estates.length % grids.length]! : null;
      this.estates.push({
        name: estateName(random, names),
        grid,
        units,
        floors,
        rooms,
        start: capacity,
        size,
      });
      capacity += size;
    }
    this.capacity = capacity;
    let step = Math.floor(capacity * 0.618) + 1;
    while (gcd(step, capacity) !== 1) step++;
    this.step = step;
    this.offset = random.int(capacity);
  }

  /** A room no other household of this community has, or null when the community is full. */
  take(): Address | null {
    if (this.taken >= this.capacity) return null;
    const slot = (this.offset + this.taken * this.step) % this.capacity;
    this.taken++;
    let i = this.estates.length - 1;
    while (this.estates[i]!.start > slot) i--;
    const estate = this.estates[i]!;
    let rest = slot - estate.start;
    const room = (rest % estate.rooms) + 1;
    rest = Math.floor(rest / estate.rooms);
    const floor = (rest % estate.floors) + 1;
    rest = Math.floor(rest / estate.floors);
    const unit = (rest % estate.units) + 1;
    const building = Math.floor(rest / estate.units) + 1;
    return {
      estate: estate.name,
      grid: estate.grid,
      building: `${building}号楼`,
      unit: `${unit}单元`,
      room: String(floor * 100 + room),
    };
  }
}

/** 宏汇园10号院 or 丰汇园小区, never one already given to another estate. */
function estateName(random: Random, names: Set<string>): string {
  for (;;) {
    const stem = random.pick(ESTATE_STEMS);
    // House numbers run past 99 only once a huge run has used up the usual ones.
    const number = random.between(1, 99 + Math.floor(names.size / 10));
    const name = random.chance(0.25) ? `${stem}小区` : `${stem}${number}号院`;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
}
