// Small inline SVG charts (ECharts is not part of the bundle): a horizontal bar list and a score histogram.
import { Flex, Typography } from 'antd';

export function BarList({
  rows,
  emptyText,
}: {
  rows: { label: string; count: number }[];
  emptyText: string;
}) {
  if (!rows.length) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  const max = Math.max(...rows.map((r) => r.count), 1);
  return (
    <Flex vertical gap={4}>
      {rows.map((r) => (
        <Flex key={r.label} align="center" gap={8}>
          <Typography.Text ellipsis style={{ width: 220, flex: 'none' }} title={r.label}>
            {r.label}
          </Typography.Text>
          <svg
            width="100%"
            height="14"
            style={{ flex: 1, minWidth: 60 }}
            role="img"
            aria-label={`${r.label}: ${r.count}`}
          >
            <rect x="0" y="1" height="12" rx="2" width={`${(r.count / max) * 100}%`} fill="#1677ff" />
          </svg>
          <Typography.Text strong style={{ width: 40, textAlign: 'right' }}>
            {r.count}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** Counts per score (min…max) as columns with the score under each. */
export function Histogram({ distribution, min }: { distribution: number[]; min: number }) {
  const max = Math.max(...distribution, 1);
  const w = 18;
  const h = 32;
  return (
    <svg
      width={distribution.length * (w + 4)}
      height={h + 14}
      role="img"
      aria-label={distribution.map((n, i) => `${min + i}: ${n}`).join(', ')}
    >
      {distribution.map((n, i) => {
        const bh = Math.round((n / max) * h);
        return (
          // each column is one score of a fixed scale: the score is the key
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the score
          <g key={`${min + i}`} transform={`translate(${i * (w + 4)},0)`}>
            <title>{`«${min + i}» — ${n}`}</title>
            <rect x="0" y={h - bh} width={w} height={Math.max(bh, n ? 2 : 0)} fill="#52c41a" rx="2" />
            <rect x="0" y={h} width={w} height="1" fill="#d9d9d9" />
            <text x={w / 2} y={h + 12} fontSize="10" textAnchor="middle" fill="#8c8c8c">
              {min + i}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
