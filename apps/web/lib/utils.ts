import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/**
 * The keys of a label record, in the order written: an enum's option list
 * taken from its labels, so the values are written once.
 */
export function keysOf<K extends string>(labels: Record<K, unknown>): readonly K[] {
  return Object.keys(labels) as K[];
}
