'use client';
import { MyWork } from '../../../../components/stage/my-work';

export default function MyWorkPage() {
  return <MyWork />;
}
