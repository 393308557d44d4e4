/** Cell addresses and rectangles: the one A1 module every layer imports. */
export * from "./a1";
export * from "./rect";
