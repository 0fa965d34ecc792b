export default function Page() {
  return <h1>admin/account-new</h1>;
}
