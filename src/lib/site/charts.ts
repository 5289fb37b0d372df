/**
 * The numbers and geometry of the site's charts, computed at build time as plain data: the components only draw
 * what these return, so every figure a chart shows is tested here and checked against the data export.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Most bars a timeline draws before it counts by quarter, then by year, so bars never get thinner than a hairline. */
export const MAX_TIME_BUCKETS = 72;

export type TimeUnit = 'month' | 'quarter' | 'year';

export interface TimeBucket {
  /** `2025-03`, `2025-Q1` or `2025`. */
  key: string;
  /** `Mar 2025`, `Q1 2025` or `2025`. */
  label: string;
  year: number;
  /** Whether the bucket opens a year: where the axis puts its year labels. */
  startsYear: boolean;
}

/** A stacked series: a theme, in legend order, with the index of its colour. */
export interface ChartSeries {
  id: string;
  label: string;
  colour: number;
}

export interface Timeline {
  unit: TimeUnit;
  buckets: TimeBucket[];
  series: ChartSeries[];
  /** counts[bucket][series]. */
  counts: number[][];
  /** Items with a date, all of which are counted. */
  dated: number;
  /** Items without a date: said under the chart, never placed on it. */
  undated: number;
  /**
   * Items whose date gives only a year, on a timeline by month or quarter: counted by year (per series) in the
   * chart's table, not drawn in a month they may not belong to.
   */
  yearOnly: Array<{ year: string; counts: number[] }>;
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** The unit that keeps the span from `first` to `last` (ISO days) within {@link MAX_TIME_BUCKETS} bars. */
export function chooseTimeUnit(first: string, last: string): TimeUnit {
  const months = monthIndex(last) - monthIndex(first) + 1;
  if (months <= MAX_TIME_BUCKETS) return 'month';
  if (Math.ceil(months / 3) + 1 <= MAX_TIME_BUCKETS) return 'quarter';
  return 'year';
}

/** The bucket of an ISO day in a unit. */
export function bucketOf(day: string, unit: TimeUnit): TimeBucket {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (unit === 'year') return { key: String(year), label: String(year), year, startsYear: true };
  if (unit === 'quarter') {
    const quarter = Math.ceil(month / 3);
    return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}`, year, startsYear: quarter === 1 };
  }
  return { key: day.slice(0, 7), label: `${MONTHS[month - 1]} ${year}`, year, startsYear: month === 1 };
}

/** Every bucket from the one holding `first` to the one holding `last`, empty ones included (gaps are news too). */
export function bucketRange(first: string, last: string, unit: TimeUnit): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  const step = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const start =
    unit === 'year' ? Number(first.slice(0, 4)) * 12 : unit === 'quarter' ? monthIndex(first) - (monthIndex(first) % 3) : monthIndex(first);
  for (let index = start; index <= monthIndex(last); index += step) {
    const year = Math.floor(index / 12);
    buckets.push(bucketOf(`${year}-${String((index % 12) + 1).padStart(2, '0')}-01`, unit));
  }
  return buckets;
}

/**
 * Items counted per time bucket and series: each item once, in the series `seriesOf` names (its main theme). Series
 * with no item are left out of the legend; the span runs from the earliest dated item to the latest.
 */
export function countOverTime<Item>(
  items: readonly Item[],
  dayOf: (item: Item) => string | null,
  seriesOf: (item: Item) => string,
  series: readonly ChartSeries[],
): Timeline {
  const dates = items.map(dayOf).filter((date): date is string => date !== null);
  const used = series.filter((entry) => items.some((item) => dayOf(item) !== null && seriesOf(item) === entry.id));
  if (dates.length === 0) return { unit: 'month', buckets: [], series: used, counts: [], dated: 0, undated: items.length, yearOnly: [] };
  // The span and the unit come from the dates that name a month; with none, the timeline counts by year.
  const withMonth = dates.filter((date) => date.length >= 7).sort();
  const unit = withMonth.length > 0 ? chooseTimeUnit(withMonth[0]!, withMonth.at(-1)!) : 'year';
  const placed = unit === 'year' ? dates.map((date) => date.slice(0, 4)).sort() : withMonth;
  const [first, last] = [placed[0]!, placed.at(-1)!].map((date) => (date.length === 4 ? `${date}-01` : date)) as [string, string];
  const buckets = bucketRange(first, last, unit);
  const bucketIndex = new Map(buckets.map((bucket, index) => [bucket.key, index]));
  const seriesIndex = new Map(used.map((entry, index) => [entry.id, index]));
  const counts = buckets.map(() => used.map(() => 0));
  const yearOnly = new Map<string, number[]>();
  let undated = 0;
  for (const item of items) {
    const date = dayOf(item);
    if (date === null) {
      undated += 1;
      continue;
    }
    if (unit !== 'year' && date.length === 4) {
      const row = yearOnly.get(date) ?? used.map(() => 0);
      row[seriesIndex.get(seriesOf(item))!]! += 1;
      yearOnly.set(date, row);
      continue;
    }
    counts[bucketIndex.get(bucketOf(date.length === 4 ? `${date}-01` : date, unit).key)!]![seriesIndex.get(seriesOf(item))!]! += 1;
  }
  return {
    unit,
    buckets,
    series: used,
    counts,
    dated: dates.length - [...yearOnly.values()].reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0),
    undated,
    yearOnly: [...yearOnly].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, row]) => ({ year, counts: row })),
  };
}

/** Round tick values from 0 to at least `max`: steps of 1, 2, 5 × 10ⁿ, about `target` of them. */
export function niceTicks(max: number, target = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let value = 0; value < max + wholeStep; value += wholeStep) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

export interface ChartFrame {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface StackedBar {
  bucket: string;
  label: string;
  seriesId: string;
  seriesLabel: string;
  colour: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineLayout {
  bars: StackedBar[];
  /** Horizontal grid lines with their values. */
  ticks: { value: number; y: number }[];
  /** Year labels under the axis, at the first bucket of each year (or every few years when there are many). */
  axisLabels: { x: number; text: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
  /** The largest bucket total. */
  peak: number;
}

/** Where each stacked segment goes: one column per bucket, series stacked from the baseline in legend order. */
export function layoutTimeline(timeline: Timeline, frame: ChartFrame): TimelineLayout {
  const plot = {
    left: frame.margin.left,
    right: frame.width - frame.margin.right,
    top: frame.margin.top,
    bottom: frame.height - frame.margin.bottom,
  };
  const totals = timeline.counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const peak = Math.max(0, ...totals);
  const ticks = niceTicks(peak);
  const top = ticks.at(-1)!;
  const scale = (plot.bottom - plot.top) / top;
  const slot = timeline.buckets.length > 0 ? (plot.right - plot.left) / timeline.buckets.length : 0;
  const gap = slot > 6 ? Math.min(2, slot * 0.2) : 0;
  const bars: StackedBar[] = [];
  timeline.buckets.forEach((bucket, bucketIndex) => {
    let base = plot.bottom;
    timeline.series.forEach((series, seriesIndex) => {
      const count = timeline.counts[bucketIndex]![seriesIndex]!;
      if (count === 0) return;
      const height = count * scale;
      base -= height;
      bars.push({
        bucket: bucket.key,
        label: bucket.label,
        seriesId: series.id,
        seriesLabel: series.label,
        colour: series.colour,
        count,
        x: round(plot.left + bucketIndex * slot + gap / 2),
        y: round(base),
        width: round(Math.max(0.5, slot - gap)),
        height: round(height),
      });
    });
  });
  const yearStarts = timeline.buckets.flatMap((bucket, index) => (bucket.startsYear || index === 0 ? [{ index, year: bucket.year }] : []));
  const every = Math.max(1, Math.ceil(yearStarts.length / 10));
  const axisLabels = yearStarts
    .filter((_, index) => index % every === 0)
    .map(({ index, year }) => ({ x: round(plot.left + index * slot), text: String(year) }));
  return { bars, ticks: ticks.map((value) => ({ value, y: round(plot.bottom - value * scale) })), axisLabels, plot, peak };
}

/** The most frequent values among items' lists (each item counted once per value), most first, ties by name. */
export function topValues(valueLists: readonly (readonly string[])[], limit: number): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const values of valueLists) for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'))
    .slice(0, limit);
}

/** The fill shade of a heat-map cell: 0 for an empty cell, then 1 to `steps` by the share of the largest cell. */
export function heatLevel(count: number, max: number, steps = 5): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * steps));
}

/** A theme's colour: its place in the survey's order (colours repeat past twelve themes); unsorted papers are grey. */
export function themeColour(themeIndex: number): number {
  return themeIndex < 0 ? UNSORTED_COLOUR : themeIndex % UNSORTED_COLOUR;
}
export const UNSORTED_COLOUR = 12;

/** One decimal at most: the SVG stays small and byte-identical across builds. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A one-sentence summary of a timeline, for the chart's description. */
export function describeTimeline(timeline: Timeline, noun: string): string {
  if (timeline.buckets.length === 0) return `None of the ${noun} has a date.`;
  const totals = timeline.counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const peakIndex = totals.indexOf(Math.max(...totals));
  const unit = timeline.unit;
  const undated = timeline.undated > 0 ? ` ${timeline.undated} without a date are not shown.` : '';
  const yearOnly = timeline.yearOnly.reduce((sum, row) => sum + row.counts.reduce((a, b) => a + b, 0), 0);
  const byYear = yearOnly > 0 ? ` ${yearOnly} dated only by year are counted by year in the table.` : '';
  return `${timeline.dated} ${noun} by ${unit}, from ${timeline.buckets[0]!.label} to ${timeline.buckets.at(-1)!.label}; the most in one ${unit} is ${totals[peakIndex]}, in ${timeline.buckets[peakIndex]!.label}.${undated}${byYear}`;
}
