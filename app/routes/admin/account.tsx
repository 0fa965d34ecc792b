export default function Page() {
  return <h1>admin/account</h1>;
}
