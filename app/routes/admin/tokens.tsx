export default function Page() {
  return <h1>admin/tokens</h1>;
}
