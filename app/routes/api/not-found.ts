const notFound = () =>
  Response.json(
    { error: { code: "not_found", message: "没有这个接口 / No such API endpoint" } },
    { status: 404 },
  );

export const loader = notFound;
export const action = notFound;
