// GET /api/v1/openapi.json — the public OpenAPI 3.1 description, generated from the operation registry.
import { endpoint } from "../../api/endpoint.server.ts";
import { openApiDocument } from "../../api/openapi.server.ts";

export const loader = endpoint("/openapi.json", { GET: () => openApiDocument() });
export const action = endpoint("/openapi.json", {});
