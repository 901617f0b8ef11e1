// A search box that edits freely and reports its text after a pause (or at once on Enter).
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

export type SearchInputProps = {
  id: string;
  value: string | undefined;
  onSearch: (value: string) => void;
  placeholder?: string;
  width?: number;
};

export function SearchInput({ id, value, onSearch, placeholder, width = 280 }: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const last = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') !== last.current) {
      last.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  useEffect(() => {
    const id = setTimeout(() => {
      if (text.trim() !== last.current) {
        last.current = text.trim();
        onSearch(text.trim());
      }
    }, 350);
    return () => clearTimeout(id);
  }, [text, onSearch]);
  return (
    <Input.Search
      id={id}
      value={text}
      allowClear
      placeholder={placeholder}
      style={{ width }}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => {
        last.current = v.trim();
        onSearch(v.trim());
      }}
    />
  );
}
