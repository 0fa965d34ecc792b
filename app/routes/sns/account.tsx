export default function Page() {
  return <h1>sns/account</h1>;
}
