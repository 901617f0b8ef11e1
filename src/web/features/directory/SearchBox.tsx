// A search field that writes its text to the URL after a pause in typing.
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

type Props = {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  label: string;
  style?: React.CSSProperties;
};

const PAUSE_MS = 350;

export function SearchBox({ value, onSearch, placeholder, label, style }: Props) {
  const [text, setText] = useState(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // the URL changed from elsewhere (a link, «Сбросить»): show it
  useEffect(() => {
    setText((current) => (current.trim() === (value ?? '') ? current : (value ?? '')));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = (next: string, delay: number) => {
    clearTimeout(timer.current);
    const q = next.trim() || undefined;
    timer.current = setTimeout(() => {
      if ((q ?? '') !== (value ?? '')) onSearch(q);
    }, delay);
  };
  return (
    <Input
      type="search"
      allowClear
      aria-label={label}
      placeholder={placeholder}
      prefix={<SearchOutlined aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        search(e.target.value, PAUSE_MS);
      }}
      onPressEnter={() => search(text, 0)}
      style={style}
    />
  );
}
