// The English strings of an area must have exactly the keys of the Chinese ones (Chinese is the source).
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
