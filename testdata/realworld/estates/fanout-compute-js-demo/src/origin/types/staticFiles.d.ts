declare module '*.html' {
  const value: string;
  export default value
}

declare module '*.css' {
  const value: string;
  export default value
}

declare module '*.txt' {
  const value: string;
  export default value
}

declare module '*.png' {
  const value: string;
  export default value
}
