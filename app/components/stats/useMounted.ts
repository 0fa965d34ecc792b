// True once the component runs in the browser. Recharts measures the DOM (ResponsiveContainer), so charts
// are drawn after mount; the server render keeps a placeholder of the same height.
import { useEffect, useState } from "react";

export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
