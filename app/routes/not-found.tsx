import { data } from "react-router";

export function loader() {
  throw data(
    { error: { code: "not_found", message: "您访问的页面不存在 / This page does not exist" } },
    { status: 404 },
  );
}

export default function NotFound() {
  return null;
}
