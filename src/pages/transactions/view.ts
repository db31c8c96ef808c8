// Temporary: usePrintFlow.ts moves to the new path when its rewrite lands.
export * from '@/log/view'
