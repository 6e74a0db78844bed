declare module 'virtual:figure-index' {
  const index: Record<string, { id: string; name: string; caption: string }[]>;
  export default index;
}
